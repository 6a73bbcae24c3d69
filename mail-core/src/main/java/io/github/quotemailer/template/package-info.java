/** Email subject and body templates per locale (es-MX by default, and English). */
@NullMarked
package io.github.quotemailer.template;

import org.jspecify.annotations.NullMarked;
