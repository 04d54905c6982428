//! A small logistic model kept as a table a person can read: a bias, a weight per named feature
//! and the probability from which a decision is taken, one `name value` line each. The linking
//! model of article mode (`data/linking.tsv`) and pair mode's same-claim model
//! (`data/pairs.tsv`) are both read and applied here; each module names its features and its
//! threshold.

/// A model's table as read: the bias, the weights in the order of the features named when it
/// was read, and the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<const N: usize> {
    pub bias: f64,
    pub weights: [f64; N],
    pub threshold: f64,
}

impl<const N: usize> Table<N> {
    /// Reads `name value` lines: `bias`, `threshold_name` (e.g. `link_at`) and one per feature
    /// of `features`; `#` comments and blank lines are ignored. Every feature must have a
    /// weight, and no other name may appear.
    pub fn parse(text: &str, features: &[&str; N], threshold_name: &str) -> Result<Self, String> {
        let mut bias = None;
        let mut threshold = None;
        let mut weights = [None; N];
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split_whitespace();
            let (Some(name), Some(value), None) = (fields.next(), fields.next(), fields.next())
            else {
                return Err(format!("line {}: expected `name value`", number + 1));
            };
            let value: f64 = value
                .parse()
                .map_err(|_| format!("line {}: `{value}` is not a number", number + 1))?;
            if name == "bias" {
                bias = Some(value);
            } else if name == threshold_name {
                threshold = Some(value);
            } else {
                let index = features
                    .iter()
                    .position(|f| *f == name)
                    .ok_or_else(|| format!("line {}: unknown feature `{name}`", number + 1))?;
                weights[index] = Some(value);
            }
        }
        let mut fitted = [0.0; N];
        for (i, weight) in weights.iter().enumerate() {
            fitted[i] = weight.ok_or_else(|| format!("no weight for `{}`", features[i]))?;
        }
        Ok(Table {
            bias: bias.ok_or("no `bias`")?,
            weights: fitted,
            threshold: threshold.ok_or_else(|| format!("no `{threshold_name}`"))?,
        })
    }
}

/// The model's probability for `features`: the logistic function of the bias plus the weighted
/// sum of the features.
pub fn probability<const N: usize>(bias: f64, weights: &[f64; N], features: &[f64; N]) -> f64 {
    let z: f64 = bias
        + weights
            .iter()
            .zip(features.iter())
            .map(|(w, x)| w * x)
            .sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 2] = ["alpha", "beta"];

    #[test]
    fn a_table_is_read_in_the_order_of_its_features() {
        let table = Table::parse(
            "# a model\nbeta 2\nbias -1\n\ncut_at 0.4\nalpha 0.5\n",
            &NAMES,
            "cut_at",
        )
        .unwrap();
        assert_eq!(
            table,
            Table {
                bias: -1.0,
                weights: [0.5, 2.0],
                threshold: 0.4
            }
        );
    }

    #[test]
    fn a_table_missing_or_adding_a_name_is_refused() {
        let err = Table::parse("bias 0\ncut_at 0.5\nalpha 1\n", &NAMES, "cut_at").unwrap_err();
        assert!(err.contains("no weight for `beta`"), "{err}");
        let err = Table::parse(
            "bias 0\ncut_at 0.5\nalpha 1\nbeta 1\ngamma 1\n",
            &NAMES,
            "cut_at",
        )
        .unwrap_err();
        assert!(err.contains("line 5: unknown feature `gamma`"), "{err}");
        let err = Table::parse("bias 0\nalpha 1\nbeta 1\n", &NAMES, "cut_at").unwrap_err();
        assert!(err.contains("no `cut_at`"), "{err}");
        let err = Table::parse("bias zero\n", &NAMES, "cut_at").unwrap_err();
        assert!(err.contains("`zero` is not a number"), "{err}");
    }

    #[test]
    fn the_probability_is_the_logistic_of_the_weighted_sum() {
        assert_eq!(probability(0.0, &[1.0, 1.0], &[0.0, 0.0]), 0.5);
        let p = probability(-1.0, &[0.5, 2.0], &[2.0, 0.5]);
        assert!((p - 1.0 / (1.0 + (-1.0f64).exp())).abs() < 1e-12);
    }
}
