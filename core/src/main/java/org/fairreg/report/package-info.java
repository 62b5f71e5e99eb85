/**
 * Self-contained HTML pages of a run: {@link org.fairreg.report.TrainPage},
 * {@link org.fairreg.report.EvaluatePage} and {@link org.fairreg.report.SweepPage} write one file
 * each, with inline CSS and inline SVG charts drawn here, no script and no reference to anything
 * outside the file, so that a page reads the same offline, archived or mailed.
 *
 * <p>Pages are written as well-formed XML that is also HTML5 (every element closed, every
 * attribute quoted, only the five XML entities), so that an XML parser can check them. The same
 * run writes the same bytes: a page holds no wall-clock time, and numbers are formatted with
 * {@link java.util.Locale#ROOT}.
 */
package org.fairreg.report;
