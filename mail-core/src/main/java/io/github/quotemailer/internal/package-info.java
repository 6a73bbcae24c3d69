/** Implementation details. Not part of the public API: may change in any release. */
@NullMarked
package io.github.quotemailer.internal;

import org.jspecify.annotations.NullMarked;
