//! How a keyed list's nodes get from their old order to the new one: which stay put, what moves where.

/// The insertions that bring a list's nodes into the new order, moving as few as it simply can.
///
/// `places[i]` is the old place (among `old_count`) of the new list's `i`-th item when it was shown, `None`
/// for a new one; the nodes of items that left are removed first, so the others are in their old order. An
/// item stays where it is while the old items before it are still there in order; each other one is
/// inserted before the next old item still in place. Returns `(item, before)` pairs, in order: the item to
/// insert (or move), and the item whose node it goes before, `None` for the end. All indices are into
/// `places`.
pub fn insertions(places: &[Option<usize>], old_count: usize) -> Vec<(usize, Option<usize>)> {
    // Which item each old place now holds, and which old places were moved.
    let mut holder = vec![None; old_count];
    for (index, place) in places.iter().enumerate() {
        if let Some(place) = place.filter(|place| *place < old_count) {
            holder[place] = Some(index);
        }
    }
    let mut moved = vec![false; old_count];
    let mut cursor = 0;
    let mut insertions = Vec::new();
    for (index, place) in places.iter().enumerate() {
        // The next old item that is still where it was.
        while cursor < old_count && (holder[cursor].is_none() || moved[cursor]) {
            cursor += 1;
        }
        if place.is_some() && *place == Some(cursor) {
            cursor += 1;
            continue;
        }
        insertions.push((index, holder.get(cursor).copied().flatten()));
        if let Some(place) = place.filter(|place| *place < old_count) {
            moved[place] = true;
        }
    }
    insertions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order the nodes end in: the kept items in their old order, then each insertion applied as the
    /// DOM's `insertBefore` does (a node already in the list moves).
    fn applied(places: &[Option<usize>], old_count: usize) -> Vec<usize> {
        let mut nodes: Vec<usize> = (0..old_count)
            .filter_map(|place| places.iter().position(|p| *p == Some(place)))
            .collect();
        for (item, before) in insertions(places, old_count) {
            nodes.retain(|node| *node != item);
            let at = before
                .and_then(|before| nodes.iter().position(|node| *node == before))
                .unwrap_or(nodes.len());
            nodes.insert(at, item);
        }
        nodes
    }

    fn in_order(len: usize) -> Vec<usize> {
        (0..len).collect()
    }

    #[test]
    fn an_unchanged_list_moves_nothing() {
        let places = [Some(0), Some(1), Some(2)];
        assert_eq!(insertions(&places, 3), vec![]);
    }

    #[test]
    fn items_that_left_move_nothing_else() {
        // Old places 1 and 3 left.
        let places = [Some(0), Some(2), Some(4)];
        assert_eq!(insertions(&places, 5), vec![]);
    }

    #[test]
    fn a_new_item_goes_before_the_next_kept_one() {
        let places = [Some(0), None, Some(1)];
        assert_eq!(insertions(&places, 2), vec![(1, Some(2))]);
    }

    #[test]
    fn new_items_at_the_end_are_appended() {
        let places = [Some(0), None, None];
        assert_eq!(insertions(&places, 1), vec![(1, None), (2, None)]);
    }

    #[test]
    fn two_swapped_items_move_one() {
        let places = [Some(1), Some(0)];
        assert_eq!(insertions(&places, 2), vec![(0, Some(1))]);
        assert_eq!(applied(&places, 2), in_order(2));
    }

    #[test]
    fn every_order_of_five_kept_items_with_new_ones_among_them_ends_in_the_new_order() {
        // Every permutation of five old places, each also with new items at the front, the middle and the end.
        let mut permutation = [0, 1, 2, 3, 4];
        let mut permutations = vec![permutation];
        // Heap's algorithm, iterative.
        let mut c = [0; 5];
        let mut i = 0;
        while i < 5 {
            if c[i] < i {
                permutation.swap(if i % 2 == 0 { 0 } else { c[i] }, i);
                permutations.push(permutation);
                c[i] += 1;
                i = 0;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
        assert_eq!(permutations.len(), 120);
        for permutation in permutations {
            let kept: Vec<Option<usize>> = permutation.iter().map(|p| Some(*p)).collect();
            for new_at in [None, Some(0), Some(2), Some(5)] {
                let mut places = kept.clone();
                if let Some(at) = new_at {
                    places.insert(at, None);
                }
                assert_eq!(applied(&places, 5), in_order(places.len()), "{places:?}");
            }
            // Only items out of place move: never more than all but one of them.
            assert!(insertions(&kept, 5).len() <= 4, "{kept:?}");
        }
    }
}
