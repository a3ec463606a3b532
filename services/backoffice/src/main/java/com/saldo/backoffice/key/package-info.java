/**
 * API keys: made with 256 bits of entropy, shown once, stored only as a SHA-256 hash, found by
 * their public id part and compared in constant time; revoked for good. Also the operator bootstrap
 * key and the gateway's internal check of a presented key.
 */
package com.saldo.backoffice.key;
