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

#[cfg(test)]
mod tests {
    use super::super::tests::judge_texts;
    use crate::model::ReasonKind;

    #[test]
    fn conflicting_attributions_name_both_speakers() {
        let judgment = judge_texts(
            "The crash was an accident, police said.",
            "The crash was an attack, the family said.",
        );
        let kinds: Vec<ReasonKind> = judgment.reasons.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [ReasonKind::Antonym, ReasonKind::Attribution]);
        let attribution = &judgment.reasons[1];
        assert_eq!(attribution.evidence.left[0].text, "police");
        assert_eq!(attribution.evidence.right[0].text, "family");
    }
}
