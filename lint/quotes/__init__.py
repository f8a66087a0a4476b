"""Direct quotations: extraction (:mod:`.extract`) and comparison across a corpus (:mod:`.compare`)."""
