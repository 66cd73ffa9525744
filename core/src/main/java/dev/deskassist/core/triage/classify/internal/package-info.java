/** Implementation details of the classifiers' model files; not API. */
package dev.deskassist.core.triage.classify.internal;
