// Placeholder until the fuzzer lands (issue 7).
print("koshi-fuzz: not written yet")
