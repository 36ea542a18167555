"""(under construction)"""
RULES: list = []
