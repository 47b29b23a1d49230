"""The Qt layer: thin widgets over the pure core. All Qt imports go through pyqtgraph's shim."""
