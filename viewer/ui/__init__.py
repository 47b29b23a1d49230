"""The Qt layer: thin widgets over the pure core. Qt is imported through pyqtgraph's shim, except where the shim
has nothing to give (QtSvg's generator, QtDBus) and where pyqtgraph must not be imported yet: the application
object and the kiosk's splash, shown before the content and pyqtgraph load (a restarted kiosk is paper-coloured
within a second)."""
