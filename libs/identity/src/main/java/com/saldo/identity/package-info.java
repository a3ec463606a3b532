/**
 * Who is calling: the tenant, the credential and its scopes, as the gateway vouches for them and
 * every backend receives them. Holds no authentication of end users; that is the gateway's.
 */
package com.saldo.identity;
