#if FUZZING
    /// libFuzzer's entry point for programs that keep their own `main` (LLVM ≥ 11). SwiftPM links
    /// an executable target's `main` to the `<module>_main` symbol, so a fuzz target defines that
    /// symbol under `FUZZING` and hands libFuzzer its arguments and its check through this.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// Runs libFuzzer with the program's arguments and `testOneInput` as its target.
    public func runFuzzer(
        argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }
#endif
