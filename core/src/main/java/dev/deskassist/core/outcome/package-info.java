/**
 * What became of DeskAssist's decisions after it wrote them: {@link dev.deskassist.core.outcome.OutcomeTracker}
 * compares a ticket seen again with what was decided and written (corrections, draft usage, reopened
 * automatic replies, feedback tags) and harvests category corrections as pseudonymized training rows.
 */
package dev.deskassist.core.outcome;
