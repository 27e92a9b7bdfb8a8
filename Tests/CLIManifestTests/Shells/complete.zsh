# Prints, one per line, what zsh's completion for clmanifest offers at the end of a command line: an
# interactive zsh in a pseudo-terminal (zpty) loads the script with compinit, gets the line and a Tab,
# and its compadd prints each match instead of inserting it.
# Usage: zsh complete.zsh DIRECTORY_WITH__clmanifest 'clmanifest lint --fo'
zmodload zsh/zpty || exit 3
zpty completer zsh -f -i
zpty -w completer "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D"
zpty -w completer 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a matches
  builtin compadd -A matches "$@"
  (( $#matches )) || return 1
  local match
  for match in $matches; do print -r -- "<MA""TCH>$match</MA""TCH>"; done
  return 1
}'
zpty -w completer 'comppostfuncs=(completion-done); completion-done() { print -r -- "<DO""NE>"; exit }'
zpty -w completer "PROMPT=''"
zpty -n -w completer "$2"$'\t'
output=''
while zpty -r -t completer chunk 2>/dev/null || sleep 0.05; do
  output+=$chunk
  [[ $output == *'<DONE>'* ]] && break
  (( SECONDS > 20 )) && { print -u2 "no completion within 20 s"; exit 2 }
done
print -r -- ${(F)${(M)${(f)output//$'\r'/}:#*<MATCH>*}} | sed -E 's/.*<MATCH>(.*)<\/MATCH>.*/\1/' | sort -u
zpty -d completer
