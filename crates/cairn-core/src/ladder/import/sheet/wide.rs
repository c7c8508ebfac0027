//! Reading a wide sheet: competencies down the first column, one column per level.

use super::*;

impl Sheet {
    pub(super) fn wide(
        &mut self,
        header_line: usize,
        header: &[String],
        raw_header: &[String],
        rows: &[(usize, StringRecord)],
    ) {
        let description_col =
            (1..header.len()).find(|&i| DESCRIPTION.contains(&header[i].as_str()));
        let level_cols: Vec<usize> = (1..header.len())
            .filter(|&i| Some(i) != description_col)
            .collect();
        if level_cols.is_empty() {
            self.fail(
                header_line,
                2,
                "header",
                "a matrix needs one column per level after the competency column",
            );
            return;
        }
        for &col in &level_cols {
            let title = &raw_header[col];
            if title.is_empty() {
                self.fail(
                    header_line,
                    col + 1,
                    &format!("header column {}", col + 1),
                    "a level column needs a name",
                );
                continue;
            }
            let Some((id, title)) =
                self.id_and_name::<LevelId>(title, (header_line, col + 1), "header")
            else {
                continue;
            };
            if self.read.ladder.levels.iter().any(|l| l.id == id) {
                self.fail(
                    header_line,
                    col + 1,
                    "header",
                    format!("level '{id}' has two columns"),
                );
                continue;
            }
            let l = self.read.ladder.levels.len();
            self.place(
                format!("levels[{l}]"),
                header_line,
                col + 1,
                format!("header column {}", col + 1),
            );
            self.read.ladder.levels.push(Level {
                id,
                title,
                summary: String::new(),
                tracks: Vec::new(),
            });
        }
        if !self.problems.is_empty() {
            return;
        }
        let (mut statements, mut example_count) = (0, 0);
        for (line, row) in rows {
            let line = *line;
            let cell = |i: usize| row.get(i).unwrap_or("").trim();
            if cell(0).is_empty() {
                self.fail(
                    line,
                    1,
                    &format!("row {line}"),
                    "the competency cell is empty",
                );
                continue;
            }
            let Some((cid, name)) =
                self.id_and_name::<CompetencyId>(cell(0), (line, 1), &format!("row {line}"))
            else {
                continue;
            };
            // The same name on a second row is another item under another group of rows
            // ("Mastery" under Skill and again under Operations): kept, numbered.
            let taken =
                |id: &CompetencyId| self.read.ladder.competencies.iter().any(|c| &c.id == id);
            let cid = if taken(&cid) {
                let Some(next) = (2..)
                    .map_while(|n| format!("{cid}-{n}").parse::<CompetencyId>().ok())
                    .find(|id| !taken(id))
                else {
                    continue;
                };
                self.read.warnings.push(Problem::new(
                    Some(Pos { line, column: 1 }),
                    &format!("row {line}"),
                    format!("competency '{cid}' has a second row: read as '{next}'"),
                ));
                next
            } else {
                cid
            };
            let c = self.competency_index(cid, name, (line, 1), format!("row {line}"));
            if let Some(col) = description_col {
                self.read.ladder.competencies[c].description = prose(cell(col));
            }
            let mut started = false;
            for (l, &col) in level_cols.iter().enumerate() {
                let level = self.read.ladder.levels[l].id.clone();
                let text = cell(col);
                let field = format!("row {line}, {}", raw_header[col]);
                if text.is_empty() {
                    // A blank after the first statement is a sheet's way of saying the
                    // level adds nothing; it is read so, with a warning.
                    if started {
                        let id = self.read.ladder.competencies[c].id.clone();
                        self.read.warnings.push(Problem::new(
                            Some(Pos {
                                line,
                                column: col + 1,
                            }),
                            &field,
                            format!("is empty: read as nothing new expected of '{id}' at level '{level}'"),
                        ));
                        self.read.ladder.competencies[c]
                            .expectations
                            .push(cell_expectation(level, NOTHING_NEW));
                    }
                    continue;
                }
                if !started {
                    started = true;
                    if l > 0 {
                        self.read.ladder.competencies[c].expected_from = Some(level.clone());
                    }
                }
                let expectation = cell_expectation(level, text);
                statements += 1;
                example_count += expectation.examples.len();
                let competency = &mut self.read.ladder.competencies[c];
                let e = competency.expectations.len();
                competency.expectations.push(expectation);
                self.place(
                    format!("competencies[{c}].expectations[{e}]"),
                    line,
                    col + 1,
                    field,
                );
            }
        }
        let ladder = &self.read.ladder;
        self.read.mapping.extend([
            format!(
                "matrix: '{}' column → competencies, {} level columns → levels ({}){}",
                raw_header[0],
                level_cols.len(),
                ladder
                    .levels
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                description_col
                    .map(|c| format!(", '{}' → descriptions", raw_header[c]))
                    .unwrap_or_default()
            ),
            format!("{} competencies", ladder.competencies.len()),
            format!("{statements} cells → expectations, with {example_count} examples"),
        ]);
    }
}
