//! Compile errors: `yield` where it cannot work, and type errors, point at
//! the user's code with a message that says why.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
