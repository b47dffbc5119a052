/// Every built-in rule, sorted by code. Edited by hand when a check is added.
public let allChecks: [any Check] = []
