"""Speed and memory at corpus scale."""
