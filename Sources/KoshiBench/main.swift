// Placeholder until the benchmark lands (issue 7).
print("koshi-bench: not written yet")
