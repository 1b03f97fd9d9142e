"""Detection quality: planted discrepancies in real articles, and FactCC/FRANK article-summary pairs."""
