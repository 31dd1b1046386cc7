//! Model check of the slot hand-off under misuse: a yielder on another
//! thread offers items while the stream polls on this one. loom explores
//! the interleavings and fails on any unsynchronised access to the item
//! (a data race would be UB); the items that come out are in order, each
//! at most once. Run with `cargo xtask loom`.
#![cfg(loom)]

use rill_gen::__loom::SlotHandle;

#[test]
fn offers_racing_with_polls_never_touch_the_item_concurrently() {
    loom::model(|| {
        let consumer = SlotHandle::new();
        let producer = consumer.clone();
        let thread = loom::thread::spawn(move || {
            let mut accepted = Vec::new();
            for v in 1..=2 {
                if producer.try_offer(v) {
                    accepted.push(v);
                }
            }
            accepted
        });
        let mut got = Vec::new();
        for _ in 0..2 {
            consumer.begin_poll();
            got.extend(consumer.end_poll());
        }
        consumer.close();
        let accepted = thread.join().unwrap();
        assert!(got.windows(2).all(|w| w[0] < w[1]), "out of order: {got:?}");
        assert!(
            got.iter().all(|v| accepted.contains(v)),
            "{got:?} vs {accepted:?}"
        );
    });
}

#[test]
fn in_order_hand_off_on_one_thread_then_close() {
    loom::model(|| {
        let slot = SlotHandle::new();
        let mut got = Vec::new();
        for v in 1..=3 {
            slot.begin_poll();
            assert!(slot.try_offer(v));
            assert!(!slot.try_offer(99), "a full slot refuses a second item");
            got.extend(slot.end_poll());
        }
        assert!(!slot.try_offer(4), "an idle slot refuses");
        slot.close();
        assert!(!slot.try_offer(5), "a closed slot refuses");
        assert_eq!(got, [1, 2, 3]);
    });
}
