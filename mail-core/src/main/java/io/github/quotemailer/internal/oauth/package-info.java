/** Access tokens for XOAUTH2 logins: cached per account, one refresh at a time, rotation stored. */
@NullMarked
package io.github.quotemailer.internal.oauth;

import org.jspecify.annotations.NullMarked;
