/** Data plugins for compound filters and rpcutil get_data: agent, collective, fact, fstat. */
package mcollective.plugins.data;
