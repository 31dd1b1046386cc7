use rill_gen::stream;

macro_rules! id {
    ($e:expr) => {
        $e
    };
}

fn main() {
    let _s = stream! {
        yield 0;
        let fut = async {
            yield 1;
        };
        fut.await;
        // Also inside the arguments of a macro call.
        let fut = id!(async move {
            yield 2;
        });
        fut.await;
    };
}
