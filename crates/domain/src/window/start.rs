//! When the service window starts (L6, I3; decision 0002): on the day the client is present
//! at the Bapas — the prosecutor's handover, or the appearance after a summons — unless the
//! decision itself sets the start. Days spent waiting for documents the prosecutor has to
//! complete (§2.2.2 point 4, D3) do not count against the client: when the missing documents
//! arrive after the client, the window starts again on that day.

use jiff::civil::Date;

/// Why the window starts on its day; the case page says it beside the dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowBasis {
    /// The decision sets the start.
    Decision,
    /// The prosecutor handed the client over on that day.
    Handover,
    /// The client was not handed over and has not appeared yet: the start is provisional,
    /// the day the decision reached the office, and moves to the appearance.
    AwaitingClient,
    /// The client appeared after a summons on that day (I3).
    Appearance,
    /// The documents the prosecutor was asked to complete arrived on that day (D3), after
    /// the client was present.
    DocumentsCompleted,
    /// The prosecutor ordered the work repeated on that day (L8, S8): the hours and the
    /// window start again.
    RepeatOrdered,
}

impl WindowBasis {
    pub const ALL: [WindowBasis; 6] = [
        WindowBasis::Decision,
        WindowBasis::Handover,
        WindowBasis::AwaitingClient,
        WindowBasis::Appearance,
        WindowBasis::DocumentsCompleted,
        WindowBasis::RepeatOrdered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WindowBasis::Decision => "decision",
            WindowBasis::Handover => "handover",
            WindowBasis::AwaitingClient => "awaiting_client",
            WindowBasis::Appearance => "appearance",
            WindowBasis::DocumentsCompleted => "documents_completed",
            WindowBasis::RepeatOrdered => "repeat_ordered",
        }
    }

    pub fn parse(text: &str) -> Option<WindowBasis> {
        WindowBasis::ALL.into_iter().find(|b| b.as_str() == text)
    }

    /// Whether the start may still move (the client has not come yet).
    pub fn is_provisional(self) -> bool {
        self == WindowBasis::AwaitingClient
    }
}

/// The start of a new case's window: the decision's own start, or the day the office
/// received the decision with the client handed over, or — for a client not handed over —
/// that day provisionally, until they appear.
pub fn initial(
    decision_start: Option<Date>,
    received_on: Date,
    handed_over: bool,
) -> (Date, WindowBasis) {
    match decision_start {
        Some(day) => (day, WindowBasis::Decision),
        None if handed_over => (received_on, WindowBasis::Handover),
        None => (received_on, WindowBasis::AwaitingClient),
    }
}

/// Something that happened which may move the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartEvent {
    /// The summoned client appeared (I3).
    Appeared(Date),
    /// The documents found incomplete were completed (D3).
    DocumentsCompleted(Date),
    /// The prosecutor ordered the work repeated (L8, S8): whatever the basis, the window
    /// starts again on that day.
    RepeatOrdered(Date),
}

/// The start after `event`, or `None` when it stays where it is.
pub fn moved(start: Date, basis: WindowBasis, event: StartEvent) -> Option<(Date, WindowBasis)> {
    let next = match (basis, event) {
        (_, StartEvent::RepeatOrdered(day)) => (day, WindowBasis::RepeatOrdered),
        (WindowBasis::Decision, _) => return None,
        (WindowBasis::AwaitingClient, StartEvent::Appeared(day)) => {
            (day.max(start), WindowBasis::Appearance)
        }
        // The client came before the documents: the wait for them does not count.
        (_, StartEvent::DocumentsCompleted(day)) if day > start => {
            let basis = if basis.is_provisional() {
                basis
            } else {
                WindowBasis::DocumentsCompleted
            };
            (day, basis)
        }
        _ => return None,
    };
    (next != (start, basis)).then_some(next)
}

#[cfg(test)]
#[expect(non_snake_case, reason = "test names end with the rule ID they check")]
mod tests {
    use jiff::civil::date;

    use super::*;

    const RECEIVED: Date = date(2026, 3, 2);

    #[test]
    fn a_repeat_order_starts_the_window_again_whatever_its_basis_L8_L6() {
        let ordered = date(2026, 9, 14);
        for basis in WindowBasis::ALL {
            assert_eq!(
                moved(RECEIVED, basis, StartEvent::RepeatOrdered(ordered)),
                Some((ordered, WindowBasis::RepeatOrdered)),
                "{basis:?}"
            );
        }
        assert_eq!(
            moved(
                ordered,
                WindowBasis::RepeatOrdered,
                StartEvent::RepeatOrdered(ordered)
            ),
            None,
            "recorded twice, it stays"
        );
        assert!(!WindowBasis::RepeatOrdered.is_provisional());
        assert_eq!(
            WindowBasis::parse("repeat_ordered"),
            Some(WindowBasis::RepeatOrdered)
        );
    }

    #[test]
    fn a_handed_over_client_starts_on_the_handover_L6() {
        assert_eq!(
            initial(None, RECEIVED, true),
            (RECEIVED, WindowBasis::Handover)
        );
    }

    #[test]
    fn a_summoned_client_starts_on_the_day_they_appear_L6_I3() {
        let (start, basis) = initial(None, RECEIVED, false);
        assert_eq!(basis, WindowBasis::AwaitingClient);
        assert!(basis.is_provisional());
        let appeared = date(2026, 3, 20);
        assert_eq!(
            moved(start, basis, StartEvent::Appeared(appeared)),
            Some((appeared, WindowBasis::Appearance))
        );
    }

    #[test]
    fn the_decisions_own_start_wins_and_never_moves_L6() {
        let set = date(2026, 4, 1);
        let (start, basis) = initial(Some(set), RECEIVED, false);
        assert_eq!((start, basis), (set, WindowBasis::Decision));
        assert_eq!(
            moved(start, basis, StartEvent::Appeared(date(2026, 4, 9))),
            None
        );
        assert_eq!(
            moved(
                start,
                basis,
                StartEvent::DocumentsCompleted(date(2026, 5, 1))
            ),
            None
        );
    }

    #[test]
    fn days_waiting_for_missing_documents_do_not_count_L6_D3() {
        let completed = date(2026, 3, 30);
        assert_eq!(
            moved(
                RECEIVED,
                WindowBasis::Handover,
                StartEvent::DocumentsCompleted(completed)
            ),
            Some((completed, WindowBasis::DocumentsCompleted))
        );
        // Completed while the client is still awaited: the start stays provisional, and the
        // appearance after it decides.
        let waiting = moved(
            RECEIVED,
            WindowBasis::AwaitingClient,
            StartEvent::DocumentsCompleted(completed),
        );
        assert_eq!(waiting, Some((completed, WindowBasis::AwaitingClient)));
        let appeared = date(2026, 4, 2);
        assert_eq!(
            moved(
                completed,
                WindowBasis::AwaitingClient,
                StartEvent::Appeared(appeared)
            ),
            Some((appeared, WindowBasis::Appearance))
        );
    }

    #[test]
    fn nothing_moves_a_start_backwards_or_twice_L6() {
        assert_eq!(
            moved(
                RECEIVED,
                WindowBasis::Handover,
                StartEvent::DocumentsCompleted(RECEIVED)
            ),
            None
        );
        assert_eq!(
            moved(
                RECEIVED,
                WindowBasis::Appearance,
                StartEvent::Appeared(date(2026, 5, 1))
            ),
            None
        );
        for basis in WindowBasis::ALL {
            assert_eq!(WindowBasis::parse(basis.as_str()), Some(basis));
        }
    }
}
