/**
 * Hunting results: everything that touched an indicator of compromise (an IP address or network, a user agent) in
 * all the data a behavior graph retains, not just a scope. Ask with {@code graph.hunt()}. Immutable values; times
 * UTC; volumes in bytes.
 */
package io.github.detective4j.hunt;
