/**
 * The Java code the README and the docs quote, compiled with the project. Each quoted region lies
 * between {@code // tag::name[]} and {@code // end::name[]}; the Markdown names it in a
 * {@code <!-- snippet: name -->} comment above the block, and {@code DocSnippetsTest} fails when
 * a {@code java} block differs from its region or names none.
 */
package dev.deskassist.examples.snippets;
