//! Back and forward through the places a reader jumped between, as in a browser.

/// How many places Back remembers; older ones are forgotten.
const MAX_STEPS: usize = 200;

/// The places behind and ahead of the one on screen.
#[derive(Debug)]
pub struct History<T> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Remembers `from`, the place left by a jump; what was ahead is no longer reachable.
    pub fn leave(&mut self, from: T) {
        if self.back.len() == MAX_STEPS {
            self.back.remove(0);
        }
        self.back.push(from);
        self.forward.clear();
    }

    /// The place to go back to, if any; `now` becomes the place ahead.
    pub fn back(&mut self, now: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(now);
        Some(to)
    }

    /// The place to go forward to, if any; `now` becomes the place behind.
    pub fn forward(&mut self, now: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(now);
        Some(to)
    }

    /// Whether Back has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// Whether Forward has somewhere to go.
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Forgets every place (another report: its places mean nothing in this one).
    pub fn clear(&mut self) {
        self.back.clear();
        self.forward.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::History;

    #[test]
    fn back_and_forward_walk_the_jumps_and_a_new_jump_drops_what_was_ahead() {
        let mut history = History::default();
        assert!(!history.can_go_back());
        history.leave(1);
        history.leave(2);
        // On 3: back to 2, back to 1, forward to 2.
        assert_eq!(history.back(3), Some(2));
        assert_eq!(history.back(2), Some(1));
        assert_eq!(history.back(1), None);
        assert_eq!(history.forward(1), Some(2));
        assert!(history.can_go_forward());
        // A jump from 2 to 4: 3 is no longer ahead.
        history.leave(2);
        assert!(!history.can_go_forward());
        assert_eq!(history.forward(4), None);
        assert_eq!(history.back(4), Some(2));
    }

    #[test]
    fn only_the_newest_places_are_kept() {
        let mut history = History::default();
        for place in 0..super::MAX_STEPS + 10 {
            history.leave(place);
        }
        let mut now = usize::MAX;
        let mut count = 0;
        while let Some(place) = history.back(now) {
            now = place;
            count += 1;
        }
        assert_eq!(count, super::MAX_STEPS);
        assert_eq!(now, 10);
    }
}
