"""Looks only the visit screens have, in the colours of resources/style.qss; set on their top widgets."""

VISIT_STYLE = """
QLabel[role="big-number"] { font-size: 22pt; font-weight: 600; color: #1d2935; }
QLabel[role="big-unit"] { font-size: 10.5pt; color: #44525f; }
QLabel[role="missing"] { color: #6b4600; }
QFrame#stepLine { border: none; border-top: 1px solid #e6ebf0; max-height: 1px; }
"""

#: The parts of "Questions & visits" sit one level below the page's tabs: quiet pills, not a second underline.
PART_TABS = """
QTabWidget::pane { border: none; }
QTabBar::tab {
    background: transparent; color: #44525f; border: 1px solid transparent; border-radius: 12px;
    padding: 4px 12px; margin: 0px 4px 0px 0px;
}
QTabBar::tab:hover { background: #e9eef3; color: #1d2935; }
QTabBar::tab:selected { background: #d8e8f0; color: #123547; border-color: #b9d3e0; }
QTabBar::tab:focus { border-color: #2b6a8a; }
"""
