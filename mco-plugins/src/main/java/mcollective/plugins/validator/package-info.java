/** Input validators named in DDLs: shellsafe, ipv4address, ipv6address, length, array, regex, typecheck. */
package mcollective.plugins.validator;
