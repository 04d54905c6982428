//! Attribution: the two statements of a disagreeing pair give it to different speakers
//! ("the police said" / "the mayor said"): part of why they differ, and who to ask.

use super::{evidence_of, reason};
use crate::attribution::Speaker;
use crate::model::{Pair, Reason, ReasonKind};

/// The reason two speakers make, when both sides name one and they share no name.
pub(super) fn attribution_conflict(speakers: Pair<Option<&Speaker>>) -> Option<Reason> {
    let (Some(l), Some(r)) = (speakers.left, speakers.right) else {
        return None;
    };
    l.differs_from(r).then(|| {
        reason(
            ReasonKind::Attribution,
            Pair::new(
                vec![evidence_of(l.span, &l.text)],
                vec![evidence_of(r.span, &r.text)],
            ),
        )
    })
}
