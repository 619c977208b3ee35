"""One scoring command per component: `make eval-NAME` runs `python -m evaluation.NAME`."""
