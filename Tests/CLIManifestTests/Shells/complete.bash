# Prints, one per line, what bash's completion for clmanifest offers at the end of a command line.
# Usage: bash complete.bash SCRIPT 'clmanifest lint --fo'
source "$1"
COMP_LINE=$2
COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
if [[ $COMP_LINE == *" " ]]; then COMP_WORDS+=(""); fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
function=$(complete -p clmanifest | sed -E 's/.* -F ([^ ]+) .*/\1/')
"$function" clmanifest "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
