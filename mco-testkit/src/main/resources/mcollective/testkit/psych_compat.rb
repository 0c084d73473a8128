# Debian's MCollective 2.12.5 on Ruby 3.1 calls YAML.safe_load(str, [Symbol], [], true) (Psych 3 positional
# arguments); Psych 4 only takes keywords. Map the positional form onto the keywords.
require 'yaml'
module PsychPositionalSafeLoad
  def safe_load(yaml, legacy_permitted_classes = nil, legacy_permitted_symbols = nil, legacy_aliases = nil, **kw)
    kw[:permitted_classes] = legacy_permitted_classes if legacy_permitted_classes
    kw[:permitted_symbols] = legacy_permitted_symbols if legacy_permitted_symbols
    kw[:aliases] = legacy_aliases unless legacy_aliases.nil?
    super(yaml, **kw)
  end
end
Psych.singleton_class.prepend(PsychPositionalSafeLoad)
