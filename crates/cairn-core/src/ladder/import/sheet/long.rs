//! Reading a long sheet: one row per competency and level, columns found by their header.

use super::*;

impl Sheet {
    pub(super) fn long(
        &mut self,
        header_line: usize,
        header: &[String],
        rows: &[(usize, StringRecord)],
    ) {
        let find = |names| column(header, names);
        let (Some(comp_col), Some(level_col), Some(text_col)) =
            (find(COMPETENCY), find(LEVEL), find(STATEMENT))
        else {
            let missing: Vec<&str> = [
                ("competency", COMPETENCY),
                ("level", LEVEL),
                ("expectation", STATEMENT),
            ]
            .into_iter()
            .filter(|(_, names)| find(names).is_none())
            .map(|(what, _)| what)
            .collect();
            self.fail(
                header_line,
                1,
                "header",
                format!(
                    "no {} column: a long-form ladder needs competency, level and expectation columns",
                    missing.join(" or ")
                ),
            );
            return;
        };
        let example_cols: Vec<usize> = (0..header.len())
            .filter(|&i| EXAMPLES.contains(&header[i].as_str()))
            .collect();
        let title_col = find(LEVEL_TITLE);
        let track_col = find(TRACK);
        let proficiency_col = find(PROFICIENCY);
        let description_col = find(DESCRIPTION);
        let mut statements = 0;
        let mut example_count = 0;
        let mut level_places = Vec::new();
        for (line, row) in rows {
            let line = *line;
            let cell = |i: usize| row.get(i).unwrap_or("").trim();
            let cname = |i: usize| format!("row {line}, {}", header[i]);
            let (comp, level, text) = (cell(comp_col), cell(level_col), cell(text_col));
            let mut row_ok = true;
            for (value, col) in [(comp, comp_col), (level, level_col), (text, text_col)] {
                if value.is_empty() {
                    self.fail(line, col + 1, &cname(col), "is empty");
                    row_ok = false;
                }
            }
            if !row_ok {
                continue;
            }
            let Some((cid, cname_text)) =
                self.id_and_name::<CompetencyId>(comp, (line, comp_col + 1), &cname(comp_col))
            else {
                continue;
            };
            let Some((lid, ltitle)) =
                self.id_and_name::<LevelId>(level, (line, level_col + 1), &cname(level_col))
            else {
                continue;
            };
            let l = match self.read.ladder.levels.iter().position(|l| l.id == lid) {
                Some(l) => l,
                None => {
                    let l = self.read.ladder.levels.len();
                    level_places.push(Place {
                        at: Pos {
                            line,
                            column: level_col + 1,
                        },
                        field: cname(level_col),
                    });
                    let title = title_col
                        .map(cell)
                        .filter(|t| !t.is_empty())
                        .map_or(ltitle, prose);
                    self.read.ladder.levels.push(Level {
                        id: lid.clone(),
                        title,
                        summary: String::new(),
                        tracks: Vec::new(),
                    });
                    l
                }
            };
            if let Some(col) = track_col
                && !cell(col).is_empty()
                && let Some((tid, tname)) =
                    self.id_and_name::<TrackId>(cell(col), (line, col + 1), &cname(col))
            {
                let ladder = &mut self.read.ladder;
                if !ladder.tracks.iter().any(|t| t.id == tid) {
                    ladder.tracks.push(Track {
                        id: tid.clone(),
                        name: tname,
                        description: String::new(),
                    });
                }
                if !ladder.levels[l].tracks.contains(&tid) {
                    ladder.levels[l].tracks.push(tid);
                }
            }
            let c = self.competency_index(cid, cname_text, (line, comp_col + 1), cname(comp_col));
            if let Some(col) = description_col
                && self.read.ladder.competencies[c].description.is_empty()
            {
                self.read.ladder.competencies[c].description = prose(cell(col));
            }
            let examples: Vec<String> = example_cols
                .iter()
                .flat_map(|&col| {
                    row.get(col)
                        .unwrap_or("")
                        .lines()
                        .map(str::trim)
                        .filter(|e| !e.is_empty())
                        .map(prose)
                        .collect::<Vec<_>>()
                })
                .collect();
            statements += 1;
            example_count += examples.len();
            let proficiency = proficiency_col
                .map(cell)
                .filter(|p| !p.is_empty())
                .map(prose);
            let competency = &mut self.read.ladder.competencies[c];
            let e = match competency.expectations.iter().position(|e| e.level == lid) {
                Some(e) => e,
                None => {
                    competency.expectations.push(Expectation {
                        level: lid,
                        text: String::new(),
                        criteria: Vec::new(),
                        examples: Vec::new(),
                        links: Vec::new(),
                        proficiency: None,
                    });
                    competency.expectations.len() - 1
                }
            };
            let expectation = &mut competency.expectations[e];
            if expectation.proficiency.is_none() {
                expectation.proficiency = proficiency;
            }
            expectation.criteria.push(Criterion {
                text: prose(text),
                examples,
                links: Vec::new(),
            });
            let path = format!("competencies[{c}].expectations[{e}]");
            self.place(path.clone(), line, text_col + 1, cname(text_col));
            let k = self.read.ladder.competencies[c].expectations[e]
                .criteria
                .len()
                - 1;
            self.place(
                format!("{path}.criteria[{k}]"),
                line,
                text_col + 1,
                cname(text_col),
            );
        }
        // One statement for a competency and level is the expectation's text, not a list.
        for competency in &mut self.read.ladder.competencies {
            for expectation in &mut competency.expectations {
                if let [only] = expectation.criteria.as_mut_slice() {
                    expectation.text = std::mem::take(&mut only.text);
                    expectation.examples = std::mem::take(&mut only.examples);
                    expectation.criteria.clear();
                }
            }
        }
        self.order_levels(level_places);
        let ladder = &self.read.ladder;
        self.read.mapping.extend([
            format!(
                "columns: competency = '{}', level = '{}', expectation = '{}'{}",
                header[comp_col],
                header[level_col],
                header[text_col],
                [
                    ("examples", example_cols.first().copied()),
                    ("level title", title_col),
                    ("track", track_col),
                    ("proficiency", proficiency_col),
                    ("description", description_col)
                ]
                .into_iter()
                .filter_map(|(what, col)| col.map(|c| format!(", {what} = '{}'", header[c])))
                .collect::<String>()
            ),
            format!(
                "{} levels, in the order they first appear",
                ladder.levels.len()
            ),
            track_note(&ladder.tracks, &ladder.levels),
            format!("{} competencies", ladder.competencies.len()),
            format!("{statements} rows → statements, with {example_count} examples"),
        ]);
    }
}
