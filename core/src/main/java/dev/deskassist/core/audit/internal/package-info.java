/** Implementation details of the audit records; not API. */
package dev.deskassist.core.audit.internal;
