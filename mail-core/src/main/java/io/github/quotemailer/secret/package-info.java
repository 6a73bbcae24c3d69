/** Secrets at rest: AES-256-GCM with a key id per ciphertext and a key ring for rotation. */
@NullMarked
package io.github.quotemailer.secret;

import org.jspecify.annotations.NullMarked;
