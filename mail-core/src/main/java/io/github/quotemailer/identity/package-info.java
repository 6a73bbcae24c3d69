/**
 * Who sends a quote: per-user SMTP settings and their health, the company sender, the fallback
 * policy and the reasons recorded for each choice (the README's "Who sends: the fallback table").
 */
@NullMarked
package io.github.quotemailer.identity;

import org.jspecify.annotations.NullMarked;
