//! Query parameters a page and its API route share, read and checked once.

use cairn_core::Invalid;
use cairn_core::id::{LevelId, TrackId};
use cairn_core::ladder::Ladder;
use cairn_core::ladder::next::{NextLevel, next_level};
use serde::Deserialize;

use crate::AppError;

/// The track named in a query string, checked against the ladder; empty means none.
pub(crate) fn chosen_track(ladder: &Ladder, track: &str) -> Result<Option<TrackId>, AppError> {
    if track.is_empty() {
        return Ok(None);
    }
    Ok(Some(ladder.parse_track("track", track)?))
}

/// `?level=L&track=T`: look from another level than the viewer's own, along a track.
#[derive(Debug, Default, Deserialize)]
pub struct NextParams {
    /// Whose ladder, for the API (empty for the viewer's own).
    #[serde(default)]
    pub(crate) person: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    track: String,
}

impl NextParams {
    /// The step these parameters ask for from `own` level, and the track chosen.
    pub(crate) fn step(
        &self,
        ladder: &Ladder,
        own: &LevelId,
    ) -> Result<(NextLevel, Option<TrackId>), AppError> {
        let level: LevelId = if self.level.is_empty() {
            own.clone()
        } else {
            self.level
                .parse()
                .map_err(|e: Invalid| Invalid::new("level", e.message))?
        };
        let track = chosen_track(ladder, &self.track)?;
        let step = next_level(ladder, &level, track.as_ref(), "level")?;
        Ok((step, track))
    }
}
