// The hash of the thesaurus's perfect hash tables (see `mod key_hash` in `thesaurus.rs`).
// `build.rs` includes this file too: no inner doc comment here.

/// The three numbers a key's slot in a table is worked out from (see [`slot`]): `g` picks the
/// key's bucket, whose displacements place `f1` and `f2` in a free slot.
pub struct KeyHashes {
    pub g: u32,
    pub f1: u32,
    pub f2: u32,
}

/// FxHash's multiplier (`rustc-hash`): odd, so multiplying by it loses nothing.
const MULTIPLIER: u64 = 0xf135_7aea_2e62_a9c5;

/// MurmurHash3's finalizer: every bit of the input moves every bit of the output.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The hashes of `key` for a table built with `seed`: the key's bytes, eight at a time, folded
/// FxHash's way, then finalized twice.
pub fn key_hashes(key: &str, seed: u64) -> KeyHashes {
    let bytes = key.as_bytes();
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(MULTIPLIER).rotate_left(26);
    }
    let mut last = [0u8; 8];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(MULTIPLIER);
    let first = mix(h);
    let second = mix(first ^ MULTIPLIER);
    KeyHashes {
        g: (first >> 32) as u32,
        f1: first as u32,
        f2: second as u32,
    }
}

/// The slot of a key in a table of `slots` slots, its bucket's displacements being `d1` and
/// `d2` (the scheme of the `phf` crates: "hash, displace and compress").
pub fn slot(hashes: &KeyHashes, (d1, d2): (u32, u32), slots: u32) -> u32 {
    d2.wrapping_add(hashes.f1.wrapping_mul(d1))
        .wrapping_add(hashes.f2)
        % slots
}
