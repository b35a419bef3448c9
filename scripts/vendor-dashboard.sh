#!/usr/bin/env bash
# Rebuilds the dashboard's vendored front-end files in crates/kestrel-server/assets/vendor from
# npm (versions pinned in crates/kestrel-server/web/package-lock.json) and the country-code table
# from GeoNames' countryInfo.txt. Run at development time only: the build and the server never
# touch the network. Usage: scripts/vendor-dashboard.sh [path/to/countryInfo.txt]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/crates/kestrel-server/web"
out="$root/crates/kestrel-server/assets/vendor"
country_info="${1:-$root/../shared/data/geo/countryInfo.txt}"
(cd "$web" && npm ci --no-audit --no-fund --ignore-scripts)
nm="$web/node_modules"
mkdir -p "$out"
cp "$nm/uplot/dist/uPlot.iife.min.js" "$nm/uplot/dist/uPlot.min.css" \
   "$nm/cytoscape/dist/cytoscape.min.js" \
   "$nm/d3-array/dist/d3-array.min.js" "$nm/d3-geo/dist/d3-geo.min.js" \
   "$nm/topojson-client/dist/topojson-client.min.js" \
   "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" "$out/"
cp "$nm/world-atlas/countries-110m.json" "$out/countries-110m.json"
# world-atlas names countries by ISO 3166 numeric code; Kestrel by alpha-3.
python3 - "$country_info" "$out/iso-numeric.json" <<'PY'
import json, sys
codes = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    if len(f) > 2 and f[2].strip():
        codes[f[2].strip().zfill(3)] = f[1]
json.dump(codes, open(sys.argv[2], "w"), sort_keys=True, separators=(",", ":"))
print(f"{len(codes)} country codes")
PY
echo "vendored into $out"
