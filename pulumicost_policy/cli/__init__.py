"""The `pulumicost` command (`pip install .` puts it on PATH): one entry point over the offline run,
actual costs, the plugin tools and the price data, spelled as the seeds' users type it."""
