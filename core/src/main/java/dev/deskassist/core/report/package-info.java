/**
 * KPIs from audit records: {@link dev.deskassist.core.report.AuditLog} reads decision, outcome and
 * feedback records tolerantly, {@link dev.deskassist.core.report.KpiReport} holds the figures and
 * recommendations, as text, JSON or a model for other renderings.
 */
package dev.deskassist.core.report;
