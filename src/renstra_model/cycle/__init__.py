"""What planners do with a Renstra after it is written: each year's Renja cut from it, the
evaluation of what was realised against it, and the comparison of two versions of it
(Renstra perubahan)."""
