use rill_gen::try_stream;

fn main() {
    let _s = try_stream! {
        fn helper() -> u8 {
            yield 1;
            2
        }
        yield helper();
        Err::<(), &str>("x")?;
    };
}
