/** SMTP servers, accounts, transport security, reply classification and credential checks. */
@NullMarked
package io.github.quotemailer.smtp;

import org.jspecify.annotations.NullMarked;
