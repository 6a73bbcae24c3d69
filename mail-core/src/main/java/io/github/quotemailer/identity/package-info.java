/**
 * Who sends a quote: per-user SMTP settings, the company sender, the fallback policy and the
 * resolver that turns a host user id into a {@link io.github.quotemailer.identity.SenderIdentity}.
 */
@NullMarked
package io.github.quotemailer.identity;

import org.jspecify.annotations.NullMarked;
