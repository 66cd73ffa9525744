/** Implementation details of the classifiers (their model files and shared numeric helpers); not API. */
package dev.deskassist.core.triage.classify.internal;
