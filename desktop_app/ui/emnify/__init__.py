"""The emnify account settings pane (mounted by the settings dialog): ``pane.EmnifyPane`` wires
``view.EmnifyView`` (widgets, intents) to ``presenter.EmnifyPresenter`` (state and actions, no
Qt). This package itself imports no Qt, so the presenter can be used without it."""
