/**
 * The monthly public report. The arithmetic is pure: {@link vn.gov.moit.hotline.reporting.MonthlyReportCalculator}
 * folds plain fact records ({@link vn.gov.moit.hotline.reporting.CallFact},
 * {@link vn.gov.moit.hotline.reporting.TicketFact}), streamed one at a time from the database by
 * {@link vn.gov.moit.hotline.reporting.ReportFacts}, into a month's figures under
 * {@link vn.gov.moit.hotline.reporting.ReportParameters}, and those into a
 * {@link vn.gov.moit.hotline.reporting.MonthlyReport} of aggregates with small counts already suppressed,
 * which renders itself as JSON and CSV byte for byte the same for the same facts. The definitions of every
 * figure are on the calculator and, for the public, in the formulas printed in the report.
 */
package vn.gov.moit.hotline.reporting;
